package uk.socialprescribing.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class PrimaryCareTest {

    private final PrimaryCare care = PrimaryCare.standard();

    @Test
    void aPracticeBelongsToItsNetwork() {
        assertEquals("U84002", care.practice("B82005").orElseThrow().pcnCode());
        assertEquals("U84005", care.practice(" b82033 ").orElseThrow().pcnCode());
        assertTrue(care.practice("Y99999").isEmpty());
    }

    @Test
    void theDemoHasTwoNetworksOfSeveralPracticesEach() {
        assertEquals(2, care.networks().size());
        for (PrimaryCare.Network network : care.networks()) {
            assertTrue(care.practicesOf(network.code()).size() >= 3, network.code());
        }
    }

    @Test
    void aPostcodeFindsTheNetworkCoveringItsDistrict() {
        assertEquals("U84002", care.networkCovering("hg1 4ab").orElseThrow().code());
        assertEquals("U84005", care.networkCovering("HG54AB").orElseThrow().code());
        assertTrue(care.networkCovering("LS1 4AB").isEmpty());
        assertTrue(care.networkCovering("HG1").isEmpty());
    }

    @Test
    void aPracticeOfAnUnknownNetworkIsRefused() {
        assertThrows(IllegalStateException.class, () -> new PrimaryCare(List.of(),
                List.of(new PrimaryCare.Practice("B1", "x", "U0", "HG1 1AA"))));
    }
}
