package com.nimbus.identity.notification.sms;

/** Phone numbers as logs may show them. */
public final class Phones {

    private Phones() {
    }

    /**
     * Masks every digit but the first two (the country code's) and the last four: {@code +8613812345678}
     * becomes {@code +86*******5678}. Numbers of fewer than ten digits keep only their last two digits.
     */
    public static String mask(String phone) {
        if (phone == null || phone.isBlank()) {
            return "";
        }
        String p = phone.strip();
        int digits = (int) p.chars().filter(Character::isDigit).count();
        int keepHead = digits >= 10 ? 2 : 0;
        int keepTail = digits >= 10 ? 4 : 2;
        StringBuilder out = new StringBuilder(p.length());
        int seen = 0;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (Character.isDigit(c)) {
                seen++;
                boolean head = seen <= keepHead;
                boolean tail = seen > digits - keepTail;
                out.append(head || tail ? c : '*');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
