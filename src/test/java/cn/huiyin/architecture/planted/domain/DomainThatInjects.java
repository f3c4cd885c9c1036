package cn.huiyin.architecture.planted.domain;

import jakarta.inject.Inject;

/** Breaks "domain is free of frameworks": a domain class with a CDI injection point. */
public class DomainThatInjects {

    @Inject
    Object dependency;
}
