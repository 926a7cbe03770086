package com.nimbus.identity.notification;

import com.nimbus.identity.vocabulary.ProcessBean;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The channels the models' "Notify ..." steps iterate over ({@code ${notificationChannels.all()}}), one job
 * per channel. A process owner narrows a step with {@code ${notificationChannels.only('EMAIL,SMS')}}.
 */
@ProcessBean
@Component("notificationChannels")
public class NotificationChannels {

    public List<String> all() {
        return Arrays.stream(Channel.values()).map(Channel::name).toList();
    }

    /** The named channels (comma-separated), each checked against {@link Channel}. */
    public List<String> only(String names) {
        return Arrays.stream(names.split(",")).map(String::strip).map(Channel::valueOf).map(Channel::name).toList();
    }
}
