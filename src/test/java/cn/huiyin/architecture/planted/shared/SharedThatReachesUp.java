package cn.huiyin.architecture.planted.shared;

import cn.huiyin.architecture.planted.application.SomeService;

/** Breaks the shared rule on purpose: a shared class that uses a capability above it. */
public class SharedThatReachesUp {

    public int use(SomeService service) {
        return service.hashCode();
    }
}
