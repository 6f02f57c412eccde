package io.github.workerbench.model.scenario;

import java.util.List;

/** The JSON names of a scenario's fields, in the guide's order, shared by reader and writer. */
final class ScenarioFields {

  static final String NAME = "name";
  static final String NUM_INSTANCES = "num_instances";
  static final String STRATEGY = "strategy";
  static final String WORKLOAD_TYPE = "workload_type";
  static final String WORK_DURATION = "work_duration";
  static final String MAX_CONCURRENT_JOBS = "max_concurrent_jobs";
  static final String REPEATS = "repeats";
  static final String TIMEOUT = "timeout";
  static final String JOB_TIMEOUT_MS = "job_timeout_ms";
  static final String DESCRIPTION = "description";
  static final String PHASE = "phase";
  static final String ACQUISITION = "acquisition";
  static final String MAX_JOBS_ACTIVE = "max_jobs_active";
  static final String JITTER_PCT = "jitter_pct";
  static final String TRANSPORT = "transport";
  static final String FAILURE_RATE = "failure_rate";

  /** The fields every scenario must have, in the guide's order. */
  static final List<String> REQUIRED =
      List.of(
          NAME,
          NUM_INSTANCES,
          STRATEGY,
          WORKLOAD_TYPE,
          WORK_DURATION,
          MAX_CONCURRENT_JOBS,
          REPEATS,
          TIMEOUT,
          JOB_TIMEOUT_MS,
          DESCRIPTION,
          PHASE);

  /** This project's optional additions, in the order they are written. */
  static final List<String> OPTIONAL =
      List.of(ACQUISITION, MAX_JOBS_ACTIVE, JITTER_PCT, TRANSPORT, FAILURE_RATE);

  /** Every field, required then optional: the CSV header. */
  static final List<String> ALL =
      java.util.stream.Stream.concat(REQUIRED.stream(), OPTIONAL.stream()).toList();

  private ScenarioFields() {}
}
