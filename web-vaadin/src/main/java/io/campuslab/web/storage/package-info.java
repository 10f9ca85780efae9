/** Stored files on screen: a folder's upload area and file list, shared by datasets and courses. */
package io.campuslab.web.storage;
