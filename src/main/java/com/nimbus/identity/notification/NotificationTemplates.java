package com.nimbus.identity.notification;

import com.nimbus.identity.application.Reason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Renders notifications from Thymeleaf templates and texts that a process owner edits without touching Java.
 *
 * <p>The product's own files are in {@code classpath:notifications/}:
 * <ul>
 *   <li>{@code messages.properties} (English) and {@code messages_zh_CN.properties} (Simplified Chinese): every
 *       text of every channel, per event ({@code <EVENT>.subject}, {@code .body}, {@code .next}, {@code .sms}),
 *       the reasons' translations ({@code reason.<CODE>}) and the common words of the templates;</li>
 *   <li>{@code email.html} and {@code email.txt}: the two parts of an email;</li>
 *   <li>{@code message.txt}: the message center's text; {@code sms.txt}: the SMS.</li>
 * </ul>
 * With {@code identity.notifications.template-dir} set, that directory is searched first: a template there
 * replaces the product's template of the same name, and a key in a {@code messages*.properties} there replaces the
 * product's key in that language (a key of the directory's {@code messages.properties} replaces the English text
 * only, unless the product has no text of that key in the recipient's language).
 */
@Component
public class NotificationTemplates {

    private static final Logger log = LoggerFactory.getLogger(NotificationTemplates.class);
    static final String CLASSPATH_LOCATION = "notifications/";
    private static final Pattern BLANK_LINES = Pattern.compile("(\\n[ \\t]*){3,}");
    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t]+\\n");
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");

    private final SpringTemplateEngine engine;
    private final MessageSource texts;

    public NotificationTemplates(NotificationProperties properties) {
        String dir = properties.templateDir() == null || properties.templateDir().isBlank()
                ? null : Path.of(properties.templateDir().strip()).toAbsolutePath().normalize().toString();
        Duration ttl = properties.templateCacheTtl() == null ? Duration.ofSeconds(60) : properties.templateCacheTtl();
        this.texts = new Texts(dir, ttl);
        this.engine = new SpringTemplateEngine();
        this.engine.setTemplateEngineMessageSource(texts);
        int order = 1;
        if (dir != null) {
            FileTemplateResolver files = new FileTemplateResolver();
            files.setPrefix(dir + "/");
            configure(files, ttl, order++);
            engine.addTemplateResolver(files);
            log.info("Notification templates and texts: {} first, then the product's own", dir);
        }
        ClassLoaderTemplateResolver product = new ClassLoaderTemplateResolver(NotificationTemplates.class.getClassLoader());
        product.setPrefix(CLASSPATH_LOCATION);
        configure(product, ttl, order);
        engine.addTemplateResolver(product);
    }

    private static void configure(AbstractConfigurableTemplateResolver resolver, Duration ttl, int order) {
        resolver.setOrder(order);
        resolver.setCheckExistence(true);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setTextTemplateModePatterns(Set.of("*.txt"));
        if (ttl.isZero() || ttl.isNegative()) {
            resolver.setCacheable(false);
        } else {
            resolver.setCacheable(true);
            resolver.setCacheTTLMs(ttl.toMillis());
        }
    }

    /** Renders the notification for every channel in the content's language. */
    public RenderedNotification render(NotificationContent content) {
        Locale locale = content.locale();
        String event = content.event().name();
        Object[] args = {content.applicationId() == null ? "" : content.applicationId()};
        Map<String, Object> model = new HashMap<>();
        model.put("event", event);
        model.put("applicationId", content.applicationId());
        model.put("subject", texts.getMessage(event + ".subject", args, locale));
        model.put("body", texts.getMessage(event + ".body", args, locale));
        model.put("next", optional(event + ".next", args, locale));
        model.put("sms", texts.getMessage(event + ".sms", args, locale));
        model.put("reasons", reasons(content.reasons(), locale));
        model.put("comment", content.comment());
        model.put("actionUrl", content.actionUrl());
        Context context = new Context(locale, model);
        return new RenderedNotification(
                (String) model.get("subject"),
                tidy(engine.process("message.txt", context)),
                tidy(engine.process("email.txt", context)),
                engine.process("email.html", context),
                oneLine(engine.process("sms.txt", context)));
    }

    /** The reasons in the recipient's language: {@code reason.<CODE>} when translated, else the product's message. */
    private List<ReasonLine> reasons(List<Reason> reasons, Locale locale) {
        List<ReasonLine> lines = new ArrayList<>();
        for (Reason reason : reasons) {
            String translated = optional("reason." + reason.code(), null, locale);
            lines.add(new ReasonLine(reason.code(), translated != null ? translated : reason.message()));
        }
        return lines;
    }

    private String optional(String key, Object[] args, Locale locale) {
        try {
            String text = texts.getMessage(key, args, locale);
            return text.isBlank() ? null : text;
        } catch (NoSuchMessageException e) {
            return null;
        }
    }

    private static String tidy(String text) {
        String t = text.replace("\r\n", "\n");
        t = TRAILING_SPACE.matcher(t).replaceAll("\n");
        t = BLANK_LINES.matcher(t).replaceAll("\n\n");
        return t.strip();
    }

    private static String oneLine(String text) {
        return LINE_BREAKS.matcher(text.strip()).replaceAll(" ");
    }

    /** A reason as the templates show it: {@code ${reason.code}}, {@code ${reason.message}}. */
    public record ReasonLine(String code, String message) {
        public String getCode() {
            return code;
        }

        public String getMessage() {
            return message;
        }
    }

    /**
     * {@code messages*.properties}, the template directory's before the product's, language first: for a
     * zh-CN recipient the order is dir/messages_zh_CN, product/messages_zh_CN, dir/messages_zh, product/messages_zh,
     * dir/messages, product/messages. Every text is a {@link java.text.MessageFormat} pattern ({@code ''} for an
     * apostrophe).
     */
    static final class Texts extends ReloadableResourceBundleMessageSource {

        private static final String BASENAME = "classpath:" + CLASSPATH_LOCATION + "messages";
        private final String overrideBasename;

        Texts(String dir, Duration ttl) {
            this.overrideBasename = dir == null ? null : Path.of(dir, "messages").toUri().toString();
            setBasename(BASENAME);
            setDefaultEncoding("UTF-8");
            setFallbackToSystemLocale(false);
            setAlwaysUseMessageFormat(true);
            setCacheMillis(ttl.isNegative() ? -1 : ttl.toMillis());
        }

        @Override
        protected List<String> calculateAllFilenames(String basename, Locale locale) {
            List<String> product = super.calculateAllFilenames(basename, locale);
            if (overrideBasename == null || !BASENAME.equals(basename)) {
                return product;
            }
            List<String> all = new ArrayList<>(product.size() * 2);
            for (String filename : product) {
                all.add(overrideBasename + filename.substring(basename.length()));
                all.add(filename);
            }
            return all;
        }
    }
}
