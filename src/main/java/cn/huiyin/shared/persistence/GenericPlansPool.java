package cn.huiyin.shared.persistence;

import java.util.List;

import jakarta.inject.Singleton;

import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.spi.PgDriver;
import io.vertx.sqlclient.Pool;

/**
 * The "generic-plans" datasource's pool (ADR 0013): its connections keep one generic plan per statement (set in
 * application.properties), which helps only a statement the pool keeps prepared. The client keeps none longer than
 * 2,048 characters by default and sends those unprepared, planned again on every run; the API's riskiest-first read
 * is 2,273.
 */
@Singleton
@ReactiveDataSource("generic-plans")
public class GenericPlansPool implements PgPoolCreator {

    /** The longest statement kept prepared, well above the longest sent on these connections. */
    static final int KEPT_SQL_LIMIT = 8_192;

    @Override
    public Pool create(Input input) {
        List<PgConnectOptions> servers = input.pgConnectOptionsList();
        servers.forEach(server -> server.setPreparedStatementCacheSqlLimit(KEPT_SQL_LIMIT));
        return PgDriver.INSTANCE.createPool(input.vertx(), servers, input.poolOptions());
    }
}
