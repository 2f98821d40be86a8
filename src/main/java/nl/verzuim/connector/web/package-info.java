/**
 * What a person sees and does: the operator page and the API under {@code /api}, the login, the metrics, and the
 * one query service behind them ({@link nl.verzuim.connector.web.Beheeroverzicht}). Nothing depends on it.
 */
package nl.verzuim.connector.web;
