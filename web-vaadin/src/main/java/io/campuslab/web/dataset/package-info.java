/** Datasets on screen: the list, creating one, uploading its files as a zip, and its file list. */
package io.campuslab.web.dataset;
