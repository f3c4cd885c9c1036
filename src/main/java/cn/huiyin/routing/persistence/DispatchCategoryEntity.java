package cn.huiyin.routing.persistence;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/**
 * A line of the dispatch catalogue in force ({@code dispatch_category}). Written only when a version of it comes into
 * force ({@link CatalogueVersionRepository}); intake reads the same table through {@link CatalogueRepository}'s snapshot.
 */
@Entity
@Table(name = "dispatch_category")
public class DispatchCategoryEntity extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    @Column(name = "unit_rule")
    public String unitRule;

    @Column(name = "urgent_hours")
    public Integer urgentHours;

    /** What the classifier learns for this category besides the labelled examples; empty when none. */
    public String keywords;

    public int position;

    public static Uni<List<DispatchCategoryEntity>> inCatalogueOrder() {
        return list("order by position, code");
    }
}
