package io.campuslab.core.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pass keeps its lease on a ticker the test moves: renewed when a third of the term is gone, lost for good on a failed renewal. */
class HeldLeaseTest {

    private static final Duration TERM = Duration.ofSeconds(30);
    private static final Fence FENCE = new Fence("node-a", 7);

    private long nanos;
    private boolean stillHeld = true;
    private final List<Fence> renewals = new ArrayList<>();
    private final HeldLease lease = new HeldLease((fence, term) -> {
        renewals.add(fence);
        return stillHeld;
    }, FENCE, TERM, () -> nanos);

    @Test
    void aShortPassDoesNotAskTheDatabase() throws Exception {
        lease.keep();
        advance(Duration.ofSeconds(9));
        lease.keep();
        assertThat(renewals).isEmpty();
    }

    @Test
    void aLongPassRenewsOnceAThirdOfTheTermIsGone() throws Exception {
        advance(Duration.ofSeconds(10));
        lease.keep();
        lease.keep();
        advance(Duration.ofSeconds(9));
        lease.keep();
        advance(Duration.ofSeconds(1));
        lease.keep();
        assertThat(renewals).containsExactly(FENCE, FENCE);
    }

    @Test
    void oneFailedRenewalEndsThePass() {
        stillHeld = false;
        advance(Duration.ofSeconds(10));
        assertThatThrownBy(lease::keep).isInstanceOf(LeaseLostException.class).hasMessageContaining("node-a");
        stillHeld = true;
        assertThatThrownBy(lease::keep).as("never held again within this pass").isInstanceOf(LeaseLostException.class);
        assertThat(renewals).hasSize(1);
    }

    private void advance(Duration by) {
        nanos += by.toNanos();
    }
}
