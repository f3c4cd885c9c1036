package cn.huiyin.architecture.planted.cycle.second;

import cn.huiyin.architecture.planted.cycle.first.FirstCapability;

/** Breaks the cycle rule on purpose: it uses the first capability, which uses it back. */
public class SecondCapability {

    public int callBack(FirstCapability first) {
        return first.hashCode();
    }
}
