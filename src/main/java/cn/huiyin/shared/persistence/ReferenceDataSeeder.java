package cn.huiyin.shared.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Seeds the handling units and the dispatch catalogue from {@code reference/tianhe-catalog.json} on a fresh
 * install. Rows that exist are left alone: after the first start the catalogue is data that
 * administrators edit, not something a deploy overwrites.
 */
@ApplicationScoped
public class ReferenceDataSeeder {

    static final String CATALOGUE = "reference/tianhe-catalog.json";

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    void seed() throws SQLException {
        JsonNode catalogue = read(CATALOGUE);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement unit = connection.prepareStatement(
                    "INSERT INTO handling_unit (code, name, kind) VALUES (?, ?, ?) ON CONFLICT (code) DO NOTHING")) {
                for (JsonNode u : catalogue.get("units")) {
                    unit.setString(1, u.get("code").asText());
                    unit.setString(2, u.get("name").asText());
                    unit.setString(3, u.get("kind").asText());
                    unit.addBatch();
                }
                unit.executeBatch();
            }
            try (PreparedStatement category = connection.prepareStatement("""
                    INSERT INTO dispatch_category (code, name, unit_rule, urgent_hours, position)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING""")) {
                int position = 0;
                for (JsonNode c : catalogue.get("categories")) {
                    category.setString(1, c.get("code").asText());
                    category.setString(2, c.get("name").asText());
                    category.setString(3, c.get("unit").asText());
                    category.setObject(4, c.has("urgentHours") ? c.get("urgentHours").asInt() : null,
                            java.sql.Types.INTEGER);
                    category.setInt(5, position++);
                    category.addBatch();
                }
                category.executeBatch();
            }
            connection.commit();
        }
    }

    private JsonNode read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
