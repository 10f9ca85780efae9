package io.campuslab.web.dataset;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.campuslab.core.dataset.DatasetService;
import io.campuslab.core.dataset.DatasetSummary;
import io.campuslab.core.dataset.DatasetUploads;
import io.campuslab.core.identity.CallerProfile;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.core.storage.Sizes;
import io.campuslab.domain.identity.Role;
import io.campuslab.web.layout.EditDeleteBar;
import io.campuslab.web.layout.ErrorMessages;
import io.campuslab.web.layout.MainLayout;
import io.campuslab.web.security.SignedInMember;
import io.campuslab.web.storage.FolderPanel;
import io.campuslab.web.storage.SelectionKeepingGrid;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

/**
 * Datasets the school's labs can read. School admins create the school's datasets and upload their
 * files as a zip; the platform admin does the same for global datasets.
 */
@Route(value = "datasets", layout = MainLayout.class)
@PermitAll
public class DatasetsView extends VerticalLayout implements HasDynamicTitle {

    private final DatasetService datasets;
    private final DatasetUploads uploads;
    private final CallerProfile caller;
    private final Grid<DatasetSummary> grid = new Grid<>();
    private final VerticalLayout detail = new VerticalLayout();

    @Inject
    public DatasetsView(DatasetService datasets, DatasetUploads uploads, SignedInMember member) {
        this.datasets = datasets;
        this.uploads = uploads;
        this.caller = member.current();
        HorizontalLayout header = new HorizontalLayout(new H3(getTranslation("datasets.title")));
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        if (isAdmin()) {
            Button add = new Button(getTranslation("datasets.add"), VaadinIcon.PLUS.create(), click -> openNewDataset());
            add.setId("add-dataset");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            header.add(add);
        }
        grid.setId("datasets-grid");
        grid.addColumn(DatasetSummary::displayName).setHeader(getTranslation("datasets.display-name")).setAutoWidth(true);
        grid.addColumn(DatasetSummary::name).setHeader(getTranslation("datasets.name"));
        grid.addColumn(d -> getTranslation(d.global() ? "datasets.global" : "datasets.school")).setHeader(getTranslation("datasets.owner"));
        grid.addColumn(DatasetSummary::files).setHeader(getTranslation("datasets.files"));
        grid.addColumn(d -> Sizes.human(d.bytes())).setHeader(getTranslation("datasets.size"));
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(change -> showDetail(change.getValue()));
        detail.setPadding(false);
        add(header, grid, detail);
        refresh();
    }

    private boolean isAdmin() {
        return caller.hasRole(Role.TENANT_ADMIN) || caller.hasRole(Role.PLATFORM_ADMIN);
    }

    private boolean mayChange(DatasetSummary dataset) {
        return dataset.global() ? caller.hasRole(Role.PLATFORM_ADMIN) && caller.tenant().isEmpty() : caller.hasRole(Role.TENANT_ADMIN);
    }

    private void openNewDataset() {
        DatasetForm form = new DatasetForm();
        form.addSaveListener(save -> {
            try {
                DatasetSummary created = datasets.create(save.name(), save.displayName(), save.description());
                form.close();
                refresh();
                grid.select(created);
            } catch (CampusLabException e) {
                form.showError(ErrorMessages.text(e, getLocale()));
            }
        });
        form.open();
    }

    private void showDetail(DatasetSummary dataset) {
        detail.removeAll();
        if (dataset == null) {
            return;
        }
        FolderPanel.Replace replace = mayChange(dataset) ? archive -> {
            DatasetSummary updated = uploads.replaceFiles(dataset.name(), archive);
            return getTranslation("datasets.uploaded", updated.files(), Sizes.human(updated.bytes()));
        } : null;
        if (mayChange(dataset)) {
            detail.add(new EditDeleteBar("dataset", dataset.name(), dataset.displayName(), () -> openEdit(dataset),
                    "datasets.delete-text", () -> uploads.deleteDataset(dataset.name()), () -> {
                        grid.deselectAll();
                        refresh();
                    }));
        }
        detail.add(new FolderPanel("dataset", dataset.displayName(), () -> datasets.files(dataset.name()), replace, this::refresh));
    }

    private void openEdit(DatasetSummary dataset) {
        DatasetForm form = new DatasetForm(dataset.name(), dataset.displayName(), dataset.description());
        form.addSaveListener(save -> {
            try {
                datasets.update(dataset.name(), save.displayName(), save.description());
                form.close();
                refresh();
                showDetail(grid.asSingleSelect().getValue());
            } catch (CampusLabException e) {
                form.showError(ErrorMessages.text(e, getLocale()));
            }
        });
        form.open();
    }

    /** Reloads the list, keeping the selected dataset selected (with its new figures). */
    private void refresh() {
        try {
            SelectionKeepingGrid.setItems(grid, datasets.list(), DatasetSummary::name);
        } catch (CampusLabException e) {
            ErrorMessages.show(e);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("datasets.title");
    }
}
