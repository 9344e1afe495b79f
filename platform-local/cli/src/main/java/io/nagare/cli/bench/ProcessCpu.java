package io.nagare.cli.bench;

import java.lang.management.ManagementFactory;

/** CPU time this JVM has used (all threads), the steadier figure than wall-clock rates on a busy 2-core machine. */
final class ProcessCpu {

    private ProcessCpu() {
    }

    /** Nanoseconds of CPU used so far, or 0 when the JVM does not tell. */
    static long nanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }
}
