package io.github.workerbench.engine.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

  private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
  private final AccessTokens tokens = new AccessTokens(Duration.ofSeconds(60), clock::get);

  @Test
  void shouldIssueADifferentTokenWhenAskedAgain() {
    // when
    Set<String> issued = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      issued.add(tokens.issue().token());
    }

    // then: the client retries a refused call only with a token that differs from the refused one
    assertThat(issued).hasSize(100);
    assertThat(tokens.issuedCount()).isEqualTo(100);
    assertThat(issued).allSatisfy(token -> assertThat(token).matches("[A-Za-z0-9_-]{43}"));
  }

  @Test
  void shouldAcceptATokenWhenItsLifetimeHasNotPassed() {
    // given
    AccessTokens.Issued issued = tokens.issue();

    // when
    clock.addAndGet(59_999);

    // then
    assertThat(issued.expiresInSeconds()).isEqualTo(60);
    assertThat(tokens.check(issued.token()).status()).isEqualTo(AccessTokens.Status.VALID);
  }

  @Test
  void shouldReportExpiryWithItsInstantWhenTheLifetimeHasPassed() {
    // given
    AccessTokens.Issued issued = tokens.issue();

    // when
    clock.addAndGet(60_000);

    // then
    AccessTokens.Check check = tokens.check(issued.token());
    assertThat(check.status()).isEqualTo(AccessTokens.Status.EXPIRED);
    assertThat(check.expiredAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_060_000L));
  }

  @Test
  void shouldReportUnknownWhenTheTokenWasNeverIssuedOrIsLongForgotten() {
    // given
    AccessTokens.Issued old = tokens.issue();
    clock.addAndGet(Duration.ofMinutes(12).toMillis());

    // when: a later issue forgets tokens expired more than ten lifetimes ago
    tokens.issue();

    // then
    assertThat(tokens.check(old.token()).status()).isEqualTo(AccessTokens.Status.UNKNOWN);
    assertThat(tokens.check("never-issued").status()).isEqualTo(AccessTokens.Status.UNKNOWN);
    assertThat(tokens.check(null).status()).isEqualTo(AccessTokens.Status.UNKNOWN);
  }

  @Test
  void shouldRefuseWhenTheLifetimeIsNotAWholeNumberOfSeconds() {
    // when / then
    assertThatThrownBy(() -> new AccessTokens(Duration.ofMillis(1500), clock::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole number of seconds");
    assertThatThrownBy(() -> new AccessTokens(Duration.ZERO, clock::get)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldNeverShowTheTokenWhenAnIssueIsPrinted() {
    // when
    AccessTokens.Issued issued = tokens.issue();

    // then
    assertThat(issued.toString()).doesNotContain(issued.token()).contains("60");
  }
}
