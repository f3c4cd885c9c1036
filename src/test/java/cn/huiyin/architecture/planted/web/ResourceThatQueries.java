package cn.huiyin.architecture.planted.web;

import io.vertx.mutiny.sqlclient.Pool;

/** Breaks "resources do not touch the database": a web class holding the SQL pool. */
public class ResourceThatQueries {

    Pool pool;
}
