package dev.catalogsmoke.crosscatalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrphanScanTest {

    @Test
    void byteOrderMatchesCollateC() {
        List<String> values = new ArrayList<>(List.of("b", "B", "a", "\uD83D\uDE00", "\uFFFD", "a-1", "a_1"));

        values.sort(OrphanScan::compareBytes);

        assertThat(values).containsExactly("B", "a", "a-1", "a_1", "b", "\uFFFD", "\uD83D\uDE00");
    }

    @Test
    void prefixSortsFirst() {
        assertThat(OrphanScan.compareBytes("abc", "abcd")).isNegative();
        assertThat(OrphanScan.compareBytes("abc", "abc")).isZero();
    }
}
