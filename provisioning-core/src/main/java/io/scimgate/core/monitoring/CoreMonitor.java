package io.scimgate.core.monitoring;

import io.scimgate.core.activity.ActivityMonitor;
import io.scimgate.core.google.GoogleSyncMonitor;
import io.scimgate.core.invitation.InvitationDeliveryMonitor;
import io.scimgate.core.webhook.WebhookDeliveryMonitor;
import java.util.List;

/**
 * What the core tells a host about its work, for metrics or logs, without depending on any
 * metrics library: the bundled server binds it to Micrometer. Each method is called on the thread
 * that did the work, after the work is stored; it must return quickly and never throw. Each
 * feature knows only its own part (the interfaces this one extends), so monitoring depends on the
 * features and not the other way round.
 */
public interface CoreMonitor extends ActivityMonitor, WebhookDeliveryMonitor, InvitationDeliveryMonitor, GoogleSyncMonitor {

    CoreMonitor NONE = new CoreMonitor() {
    };

    /** Every one of {@code monitors}, each safely. */
    static CoreMonitor all(List<CoreMonitor> monitors) {
        return monitors.isEmpty() ? NONE : new MonitorList(monitors);
    }

    /** {@code monitor}, with whatever it throws logged instead of reaching the work it watches. */
    static CoreMonitor safe(CoreMonitor monitor) {
        return monitor == NONE || monitor instanceof MonitorList ? monitor : new MonitorList(List.of(monitor));
    }
}
