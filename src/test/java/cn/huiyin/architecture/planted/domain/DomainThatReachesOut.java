package cn.huiyin.architecture.planted.domain;

import cn.huiyin.architecture.planted.application.SomeService;

/** Breaks "domain does not reach outwards": a domain class calling an application service. */
public class DomainThatReachesOut {

    public String decide(SomeService service) {
        return service.answer();
    }
}
