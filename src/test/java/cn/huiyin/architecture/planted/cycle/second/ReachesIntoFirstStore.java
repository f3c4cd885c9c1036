package cn.huiyin.architecture.planted.cycle.second;

import cn.huiyin.architecture.planted.cycle.first.persistence.FirstStore;

/** Breaks the persistence rule on purpose: it uses another capability's repository directly. */
public class ReachesIntoFirstStore {

    public int peek(FirstStore store) {
        return store.size();
    }
}
