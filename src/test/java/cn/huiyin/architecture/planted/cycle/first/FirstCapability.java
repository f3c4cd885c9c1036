package cn.huiyin.architecture.planted.cycle.first;

import cn.huiyin.architecture.planted.cycle.second.SecondCapability;

/** Breaks the cycle rule on purpose: it uses the second capability, which uses it back. */
public class FirstCapability {

    public int callBack(SecondCapability second) {
        return second.hashCode();
    }
}
