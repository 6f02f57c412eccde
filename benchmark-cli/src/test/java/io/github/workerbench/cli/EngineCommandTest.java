package io.github.workerbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad engine options: one line on stderr, exit 2, no engine started (nothing is bound). */
class EngineCommandTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "engine --api-version 9.0 | bench engine: --api-version: api version must be one of 8.8, 8.9, but was '9.0'",
        "engine --auth sso | bench engine: auth must be one of none, basic, oauth, but was 'sso'",
        "engine --token-lifetime 60 | bench engine: --token-lifetime applies to --auth oauth only, but auth is none",
        "engine --auth basic --token-port 9000 | bench engine: --token-port applies to --auth oauth only, but auth is basic",
        "engine-bench --tls --token-lifetime 60 | bench engine-bench: --token-lifetime applies to --auth oauth only, but auth is none",
        "engine-bench --auth kerberos | bench engine-bench: auth must be one of none, basic, oauth, but was 'kerberos'"
      })
  void shouldPrintOneLineAndExitTwoWhenAnEngineOptionIsBad(String arguments, String expected) {
    // when
    BenchRun run = BenchRun.of(arguments.split(" "));

    // then
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo(expected);
  }
}
