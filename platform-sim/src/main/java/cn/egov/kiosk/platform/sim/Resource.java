package cn.egov.kiosk.platform.sim;

/** The operations of one of the contract's tags, with the state they own. */
interface Resource {
    /** Adds the tag's routes to the table, in the order they are to be matched. */
    void register(Routes routes);
}
