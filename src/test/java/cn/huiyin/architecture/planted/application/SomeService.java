package cn.huiyin.architecture.planted.application;

/** An application-layer class for the planted domain violation to depend on. */
public class SomeService {

    public String answer() {
        return "42";
    }
}
