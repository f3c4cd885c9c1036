package cn.huiyin.replicas;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A database of the test's own on the local PostgreSQL, dropped and created afresh before the replicas start (so they
 * never race to create it), and kept afterwards for a look at what happened. Plain JDBC: the test thread may block.
 */
final class ScratchDatabase {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String USER = "postgres";

    private final String name;

    ScratchDatabase(String name) {
        this.name = name;
    }

    String jdbcUrl() {
        return SERVER + name;
    }

    String reactiveUrl() {
        return "postgresql://127.0.0.1:5432/" + name;
    }

    void recreate() throws SQLException {
        try (Connection maintenance = DriverManager.getConnection(SERVER + "postgres", USER, "");
                Statement statement = maintenance.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        }
    }

    /** The first column of every row, as text. */
    List<String> strings(String sql, Object... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), USER, "");
                PreparedStatement statement = prepared(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    long count(String sql, Object... parameters) throws SQLException {
        return Long.parseLong(strings(sql, parameters).get(0));
    }

    int update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), USER, "");
                PreparedStatement statement = prepared(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement prepared(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] instanceof String[] texts) {
                // for "= ANY(?)": the test's own appeals among whatever else the database holds
                statement.setArray(i + 1, connection.createArrayOf("text", texts));
            } else {
                statement.setObject(i + 1, parameters[i]);
            }
        }
        return statement;
    }
}
