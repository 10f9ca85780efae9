package io.campuslab.web.storage;

import com.vaadin.flow.component.grid.Grid;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reloading a grid of records without losing the person's place: the item with the same key as the
 * selected one is selected again (records with new figures are not equal to the old ones).
 */
public final class SelectionKeepingGrid {

    private SelectionKeepingGrid() {
    }

    public static <T, K> void setItems(Grid<T> grid, List<T> items, Function<T, K> key) {
        K selected = grid.asSingleSelect().getOptionalValue().map(key).orElse(null);
        grid.setItems(items);
        if (selected != null) {
            items.stream().filter(item -> Objects.equals(key.apply(item), selected)).findFirst().ifPresent(grid::select);
        }
    }
}
