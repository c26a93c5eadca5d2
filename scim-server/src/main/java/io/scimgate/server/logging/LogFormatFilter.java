package io.scimgate.server.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/** In {@code logback.xml}: lets an appender write only while its {@code format} is the chosen {@link LogFormat}. */
public final class LogFormatFilter extends Filter<ILoggingEvent> {

    private LogFormat format = LogFormat.TEXT;

    public void setFormat(String format) {
        this.format = LogFormat.parse(format);
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return LogFormat.current() == format ? FilterReply.NEUTRAL : FilterReply.DENY;
    }
}
