package cn.huiyin.architecture.planted.cycle.first.persistence;

/** A repository of the first planted capability. */
public class FirstStore {

    public int size() {
        return 0;
    }
}
