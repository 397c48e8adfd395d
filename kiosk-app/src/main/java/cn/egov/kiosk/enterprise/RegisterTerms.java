package cn.egov.kiosk.enterprise;

/**
 * The register's own words, as a citizen needs them: what a status (登记状态) means for dealing with
 * the entity, and what its representative is called for its type (a company's 法定代表人, a sole
 * trader's 经营者, a partnership's 执行事务合伙人, a sole proprietorship's 投资人).
 */
public final class RegisterTerms {
    private RegisterTerms() {}

    /** The statuses of the national register, by what they mean. */
    public enum Status {
        /** 存续, 在业, 开业: it exists and may do business. */
        ACTIVE,
        /** 注销: it has been closed and no longer exists. */
        DEREGISTERED,
        /** 吊销: its business licence was revoked; it may not do business. */
        REVOKED,
        /** 迁出: registered elsewhere now. */
        MOVED_OUT,
        /** 停业, 歇业: not doing business for a while. */
        SUSPENDED,
        /** A word the kiosk does not know: shown as it is, without explanation. */
        OTHER;

        /** Whether it may do business: the screen draws the others as a warning. */
        public boolean active() {
            return this == ACTIVE;
        }
    }

    /** What the person the register names for the entity is called. */
    public enum Role {
        LEGAL_REPRESENTATIVE,
        /** 个体工商户: the operator. */
        OPERATOR,
        /** 合伙企业: the managing partner. */
        MANAGING_PARTNER,
        /** 个人独资企业: the one investor who owns it. */
        INVESTOR
    }

    /** The meaning of the register's status word ({@code 存续（在营、开业、在册）} counts as active). */
    public static Status status(String word) {
        if (word == null || word.isBlank()) {
            return Status.OTHER;
        }
        String w = word.strip();
        if (w.startsWith("存续") || w.startsWith("在业") || w.startsWith("在营") || w.startsWith("开业")) {
            return Status.ACTIVE;
        }
        if (w.startsWith("注销")) {
            return Status.DEREGISTERED;
        }
        if (w.startsWith("吊销")) {
            return Status.REVOKED;
        }
        if (w.startsWith("迁出")) {
            return Status.MOVED_OUT;
        }
        if (w.startsWith("停业") || w.startsWith("歇业")) {
            return Status.SUSPENDED;
        }
        return Status.OTHER;
    }

    /** The representative's title for an entity of this type (the register's 类型). */
    public static Role role(String type) {
        if (type == null) {
            return Role.LEGAL_REPRESENTATIVE;
        }
        if (type.contains("个体")) {
            return Role.OPERATOR;
        }
        if (type.contains("合伙企业") || type.contains("有限合伙")) {
            return Role.MANAGING_PARTNER;
        }
        if (type.contains("个人独资")) {
            return Role.INVESTOR;
        }
        return Role.LEGAL_REPRESENTATIVE;
    }
}
