package cn.huiyin.architecture.planted.application;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** Breaks "SQL only in repositories": a service that writes its own query in the transaction it was given. */
public class ServiceThatQueries {

    public Uni<RowSet<Row>> sneak(SqlConnection tx) {
        return tx.preparedQuery("SELECT 1").execute();
    }
}
