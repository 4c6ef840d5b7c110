package org.accord.benchmark.report;

import java.util.List;

/**
 * What a JFR recording of one process says about where its CPU went while a part of the
 * benchmark ran again under the recorder: the packages the leaf frames are in, the hottest leaf
 * frames, and the Accord, JWT-check and store methods on the most sampled stacks (inclusive).
 */
public record Profile(String process, String during, String file, int samples, List<Frame> packages, List<Frame> leafFrames,
                      List<Frame> accordFrames) {

    public Profile {
        packages = List.copyOf(packages);
        leafFrames = List.copyOf(leafFrames);
        accordFrames = List.copyOf(accordFrames);
    }

    /** A method and the share of execution samples it was in (leaf: on top; inclusive: anywhere on the stack). */
    public record Frame(String method, double percent) {
    }
}
