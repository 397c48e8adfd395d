/**
 * 企业信息查询: a market entity's public registration data, as anyone may look it up at the kiosk
 * without signing in. The {@link cn.egov.kiosk.enterprise.EnterpriseRegister} port (the platform's
 * register, implemented in {@code sync}), the check of a typed unified social credit code before
 * anything is asked ({@link cn.egov.kiosk.enterprise.CreditCodeCheck}), the register's words in
 * plain terms ({@link cn.egov.kiosk.enterprise.RegisterTerms}) and the printed page's data ({@link
 * cn.egov.kiosk.enterprise.EnterpriseDocument}). No JavaFX; its screen is {@code ui.enterprise}.
 */
package cn.egov.kiosk.enterprise;
