package io.campuslab.domain.tenant;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link TenantSlug} as its plain text. */
@Converter
public class TenantSlugConverter implements AttributeConverter<TenantSlug, String> {

    @Override
    public String convertToDatabaseColumn(TenantSlug slug) {
        return slug == null ? null : slug.value();
    }

    @Override
    public TenantSlug convertToEntityAttribute(String value) {
        return value == null ? null : new TenantSlug(value);
    }
}
