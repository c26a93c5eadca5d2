package io.scimgate.core.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrimaryEmailTest {

    @Test
    void P8_theEntryMarkedPrimaryWins() {
        List<EmailAddress> emails = List.of(
                new EmailAddress("home@x.example", "home", false),
                new EmailAddress("work@x.example", "work", false),
                new EmailAddress(" Primary@X.example ", "other", true));
        assertEquals(Optional.of("Primary@X.example"), PrimaryEmail.of(emails, "user"));
    }

    @Test
    void P8_withoutPrimaryTheFirstWorkEmailWins() {
        List<EmailAddress> emails = List.of(
                new EmailAddress("home@x.example", "home", false),
                new EmailAddress("work1@x.example", "Work", false),
                new EmailAddress("work2@x.example", "work", false));
        assertEquals(Optional.of("work1@x.example"), PrimaryEmail.of(emails, "user"));
    }

    @Test
    void P8_withoutPrimaryOrWorkTheFirstEntryWins() {
        List<EmailAddress> emails = List.of(
                new EmailAddress("first@x.example", null, false),
                new EmailAddress("second@x.example", "home", false));
        assertEquals(Optional.of("first@x.example"), PrimaryEmail.of(emails, "user"));
    }

    @Test
    void P8_withoutEmailsTheUserNameCountsWhenItIsAnAddress() {
        assertEquals(Optional.of("ana@acme.example"), PrimaryEmail.of(List.of(), "ana@acme.example"));
        assertEquals(Optional.empty(), PrimaryEmail.of(List.of(), "ana"));
        assertEquals(Optional.empty(), PrimaryEmail.of(List.of(), "ana@localhost"));
    }

    @Test
    void P8_blankEntriesAreSkipped() {
        List<EmailAddress> emails = List.of(
                new EmailAddress("  ", "work", true),
                new EmailAddress("real@x.example", "home", false));
        assertEquals(Optional.of("real@x.example"), PrimaryEmail.of(emails, "user"));
    }
}
