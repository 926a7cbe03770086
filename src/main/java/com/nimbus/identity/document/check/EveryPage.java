package com.nimbus.identity.document.check;

import com.nimbus.identity.document.photo.PhotoAnalysis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * A photo check runs on every page of the document. One page: its result as it is. Several: the worst outcome of
 * them (a failing page fails the check with its reason), and the detail of each page, numbered.
 */
final class EveryPage {

    private EveryPage() {
    }

    /** No page at all is judged like an unreadable photo. */
    static final PhotoAnalysis NO_PAGE = PhotoAnalysis.unreadable(null, 0, 0, "no photo");

    static CheckResult check(String name, List<PhotoAnalysis> pages, Function<PhotoAnalysis, CheckResult> onePage) {
        if (pages.size() <= 1) {
            return onePage.apply(pages.isEmpty() ? NO_PAGE : pages.get(0));
        }
        List<CheckResult> results = new ArrayList<>();
        StringBuilder detail = new StringBuilder();
        for (int i = 0; i < pages.size(); i++) {
            CheckResult result = onePage.apply(pages.get(i));
            results.add(result);
            detail.append(i == 0 ? "" : "; ").append("page ").append(i + 1).append(": ").append(result.detail());
        }
        CheckResult worst = results.stream().max(Comparator.comparing(CheckResult::outcome)).orElseThrow();
        return new CheckResult(name, worst.outcome(), worst.reason(), detail.toString());
    }
}
