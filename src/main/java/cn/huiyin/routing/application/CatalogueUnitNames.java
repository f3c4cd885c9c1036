package cn.huiyin.routing.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.routing.persistence.CatalogueRepository;
import cn.huiyin.shared.pages.UnitNames;
import io.smallrye.mutiny.Uni;

/** Unit names for the page header, from the current catalogue snapshot. */
@ApplicationScoped
public class CatalogueUnitNames implements UnitNames {

    @Inject
    CatalogueRepository catalogue;

    @Override
    public Uni<String> nameOf(String unitCode) {
        return catalogue.current().map(c -> c.unitNames().getOrDefault(unitCode, unitCode));
    }
}
