package dev.catalogsmoke.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogsmoke.config.CutoverPhase;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class CutoverPhaseConditionTest {

    @AppliesIn({CutoverPhase.BACKFILL, CutoverPhase.CUTOVER})
    static class Phased {
        void inherits() {}

        @AppliesIn(CutoverPhase.CLEANUP)
        void overrides() {}
    }

    static class Unphased {
        void anyPhase() {}
    }

    @Test
    void methodInheritsClassPhases() throws Exception {
        assertThat(CutoverPhaseCondition.declared(Phased.class.getDeclaredMethod("inherits")))
                .containsExactly(CutoverPhase.BACKFILL, CutoverPhase.CUTOVER);
    }

    @Test
    void methodOverridesClassPhases() throws Exception {
        assertThat(CutoverPhaseCondition.declared(Phased.class.getDeclaredMethod("overrides")))
                .containsExactly(CutoverPhase.CLEANUP);
    }

    @Test
    void unannotatedAppliesEverywhere() throws Exception {
        assertThat(CutoverPhaseCondition.declared(Unphased.class.getDeclaredMethod("anyPhase")))
                .isEqualTo(EnumSet.allOf(CutoverPhase.class));
    }

    @Test
    void describeNamesPhasesInOrder() {
        assertThat(CutoverPhaseCondition.describe(EnumSet.of(CutoverPhase.LOCKDOWN, CutoverPhase.BACKFILL)))
                .isEqualTo("backfill, lockdown");
        assertThat(CutoverPhaseCondition.describe(EnumSet.allOf(CutoverPhase.class)))
                .isEqualTo("every phase");
    }
}
