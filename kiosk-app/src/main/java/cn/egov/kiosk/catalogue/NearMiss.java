package cn.egov.kiosk.catalogue;

/**
 * Whether a query is in a text but for one slip of the finger: one character wrong, one missing,
 * one too many, or two neighbours swapped (an edit distance of one, transpositions counted as one).
 */
final class NearMiss {
    private NearMiss() {}

    /** Whether some part of {@code text} is at most one slip away from {@code query}. */
    static boolean within(String text, String query) {
        int m = query.length();
        for (int len = Math.max(1, m - 1); len <= m + 1; len++) {
            for (int start = 0; start + len <= text.length(); start++) {
                if (oneSlip(text, start, len, query)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code text[start, start + len)} and {@code q} differ by at most one slip. */
    private static boolean oneSlip(String text, int start, int len, String q) {
        int m = q.length();
        if (len == m) {
            int first = -1;
            int diffs = 0;
            for (int i = 0; i < m; i++) {
                if (text.charAt(start + i) != q.charAt(i)) {
                    if (++diffs == 1) {
                        first = i;
                    } else if (diffs > 2) {
                        return false;
                    }
                }
            }
            if (diffs <= 1) {
                return true;
            }
            // two neighbours swapped
            return first + 1 < m
                    && text.charAt(start + first) == q.charAt(first + 1)
                    && text.charAt(start + first + 1) == q.charAt(first)
                    && text.regionMatches(start + first + 2, q, first + 2, m - first - 2);
        }
        // one character missing (len == m - 1) or one too many (len == m + 1)
        String shorter = len < m ? text.substring(start, start + len) : q;
        String longer = len < m ? q : text.substring(start, start + len);
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
            i++;
        }
        return shorter.regionMatches(i, longer, i + 1, shorter.length() - i);
    }
}
