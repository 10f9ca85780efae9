package io.campuslab.web.i18n;

import com.vaadin.cdi.annotation.VaadinServiceEnabled;
import com.vaadin.cdi.annotation.VaadinServiceScoped;
import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;

/** Vaadin's source of translations: {@code getTranslation(key)} in every component. */
@VaadinServiceEnabled
@VaadinServiceScoped
public class TranslationProvider implements I18NProvider {

    @Override
    public List<Locale> getProvidedLocales() {
        return Messages.SUPPORTED;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return Messages.get(locale, key, params);
    }
}
