/** The service catalogue (办事指南) as the citizen finds it: the search index over the local copy. */
package cn.egov.kiosk.catalogue;
