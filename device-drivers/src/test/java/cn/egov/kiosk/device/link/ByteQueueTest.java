package cn.egov.kiosk.device.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The receive buffer of in-memory and file links keeps nothing it has handed over. */
class ByteQueueTest {
    @Test
    void whatIsTakenIsOverwrittenInTheQueueAndAGrownQueueLeavesNothingBehind() throws Exception {
        ByteQueue q = new ByteQueue();
        byte[] answer = "王小明 11010519491231002X".getBytes(StandardCharsets.UTF_8);
        q.put(answer, 0, answer.length);
        byte[] out = new byte[answer.length];

        assertThat(q.take(out, 0, out.length, 1_000_000)).isEqualTo(answer.length);

        assertThat(out).isEqualTo(answer);
        assertThat(q.residue()).as("bytes left in the queue once taken").isZero();

        byte[] big = new byte[5000]; // grows past its 1 KiB
        Arrays.fill(big, (byte) 7);
        q.put(answer, 0, answer.length);
        q.put(big, 0, big.length);
        byte[] all = new byte[answer.length + big.length];
        int got = 0;
        while (got < all.length) {
            got += q.take(all, got, all.length - got, 1_000_000);
        }
        assertThat(q.residue()).isZero();
        q.put(answer, 0, answer.length);
        q.clear();
        assertThat(q.residue()).as("cleared").isZero();
    }
}
