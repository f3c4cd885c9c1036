package cn.huiyin.routing.application;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.routing.domain.Catalogue;
import cn.huiyin.routing.persistence.CatalogueRepository;
import cn.huiyin.routing.persistence.DispatchCategoryEntity;
import io.smallrye.mutiny.Uni;

/**
 * The dispatch catalogue for the other capabilities: the snapshot the router and the pages read (categories, their
 * units, unit names), and the categories in the order a form lists them. How it is stored stays in routing.
 */
@ApplicationScoped
public class Catalogues {

    /** A category as a form offers it. */
    public record Category(String code, String name) {
    }

    @Inject
    CatalogueRepository repository;

    /** The current snapshot, re-read at most every 30 seconds. */
    public Uni<Catalogue> current() {
        return repository.current();
    }

    /** The categories in catalogue order, for a form's choice (call within a Hibernate Reactive session). */
    public Uni<List<Category>> inFormOrder() {
        return DispatchCategoryEntity.inCatalogueOrder()
                .map(entities -> entities.stream().map(e -> new Category(e.code, e.name)).toList());
    }
}
