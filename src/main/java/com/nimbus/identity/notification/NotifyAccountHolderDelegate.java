package com.nimbus.identity.notification;

import com.nimbus.identity.vocabulary.ProcessBean;
import com.nimbus.identity.vocabulary.Workflow;
import com.nimbus.identity.workflow.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Notify ...": delivers one channel of a notification to the account holder (or, for {@code REVIEW_OVERDUE}, to
 * the supervisors). The model names the event in the input parameter {@code event} and the channel in the
 * variable {@code channel} (the element variable of a multi-instance over the channels); without it, the
 * message center. The notification key is the process instance, the step and the account (one step of a
 * re-check sweep notifies many accounts), so a retried job never delivers a channel twice. A step the model may pass
 * more than once (a second request for new pages) names its round in the input parameter {@code notificationRound},
 * which the key then holds too.
 */
@ProcessBean
@Component("notifyAccountHolder")
class NotifyAccountHolderDelegate implements JavaDelegate {

    static final String CHANNEL = "channel";

    private final NotificationService notifications;

    NotifyAccountHolderDelegate(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        NotificationEvent event = NotificationEvent.valueOf(Variables.string(execution, Workflow.Var.EVENT));
        String channel = Variables.string(execution, CHANNEL);
        String accountId = Variables.accountId(execution);
        String round = Variables.string(execution, Workflow.Var.NOTIFICATION_ROUND);
        String key = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId()
                + (accountId == null ? "" : ":" + accountId) + (round == null ? "" : ":" + round);
        notifications.deliver(key, accountId, Variables.applicationId(execution), event,
                channel == null ? Channel.MESSAGE_CENTER : Channel.valueOf(channel));
    }
}
