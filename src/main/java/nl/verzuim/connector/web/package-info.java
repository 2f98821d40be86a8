/** What a person sees: the overview page and (with the operator issue) the API and actions. */
package nl.verzuim.connector.web;
