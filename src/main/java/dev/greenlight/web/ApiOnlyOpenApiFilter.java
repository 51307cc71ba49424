package dev.greenlight.web;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;

/** The OpenAPI document describes the JSON API only: the pages are HTML for people, not a contract for scripts. */
public class ApiOnlyOpenApiFilter implements OASFilter {
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        Map<String, PathItem> items = openAPI.getPaths().getPathItems();
        if (items != null) {
            items.keySet()
                    .stream()
                    .filter(path -> !path.startsWith("/api/"))
                    .toList()
                    .forEach(openAPI.getPaths()::removePathItem);
        }
    }
}
