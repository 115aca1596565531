package dev.gyre.core.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gyre.core.ThresholdModel;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ModelRouterTest {
  private final ThresholdModel v1 = new ThresholdModel("m", "1", List.of("x"), 0.5);
  private final ThresholdModel v2 = new ThresholdModel("m", "2", List.of("x"), 0.5);

  @Test
  void shouldRouteEveryKeyToTheChampionWithoutACanary() {
    ModelRouter router = new ModelRouter(v1);

    assertThat(IntStream.range(0, 1000).mapToObj(i -> router.modelFor("k" + i))).containsOnly(v1);
    assertThat(router.modelFor(null)).isSameAs(v1);
  }

  @Test
  void shouldRouteAboutTheCanaryShareOfKeysAndAlwaysTheSameKeys() {
    ModelRouter router = new ModelRouter(v1);
    router.canary(v2, 0.2);

    long toCanary = IntStream.range(0, 20_000).filter(i -> router.modelFor("device-" + i) == v2).count();
    List<Boolean> first = IntStream.range(0, 500).mapToObj(i -> router.modelFor("device-" + i) == v2).toList();
    List<Boolean> again = IntStream.range(0, 500).mapToObj(i -> router.modelFor("device-" + i) == v2).toList();

    assertThat(toCanary).isBetween(3_600L, 4_400L);
    assertThat(again).isEqualTo(first);
  }

  @Test
  void shouldPromoteAtomicallyAndReturnTheReplacedRouting() {
    ModelRouter router = new ModelRouter(v1);
    router.canary(v2, 0.1);

    ModelRouter.Routing before = router.promote(v2);
    router.canary(null, 0.5);

    assertThat(before.champion()).isSameAs(v1);
    assertThat(router.routing().champion()).isSameAs(v2);
    assertThat(router.routing().canary()).isNull();
    assertThat(router.routing().canaryShare()).isZero();
  }

  @Test
  void shouldRejectACanaryShareOutsideZeroToOne() {
    ModelRouter router = new ModelRouter(v1);

    assertThatThrownBy(() -> router.canary(v2, 1.5)).hasMessageContaining("[0, 1]").hasMessageContaining("1.5");
  }
}
