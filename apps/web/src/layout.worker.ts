import { installLayoutWorker } from "@tracebed/viewer/layout-worker";

/** The network view's force layout, off the main thread. */
installLayoutWorker(self);
