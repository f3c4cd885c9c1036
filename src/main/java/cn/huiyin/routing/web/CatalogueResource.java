package cn.huiyin.routing.web;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import cn.huiyin.routing.persistence.DispatchCategoryEntity;
import cn.huiyin.routing.persistence.HandlingUnitEntity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** The public dispatch catalogue: what an enterprise may choose as a category, and who handles it. */
@Path("/api/v1/catalogue")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogueResource {

    public record CategoryView(String code, String name, String unitRule) {
    }

    public record UnitView(String code, String name, String kind) {
    }

    @GET
    @Path("/categories")
    @WithSession
    public Uni<List<CategoryView>> categories() {
        return DispatchCategoryEntity.inCatalogueOrder()
                .map(list -> list.stream().map(c -> new CategoryView(c.code, c.name, c.unitRule)).toList());
    }

    @GET
    @Path("/units")
    @WithSession
    public Uni<List<UnitView>> units() {
        return HandlingUnitEntity.<HandlingUnitEntity> listAll()
                .map(list -> list.stream().map(u -> new UnitView(u.code, u.name, u.kind)).toList());
    }
}
