package io.campuslab.system;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The EAR exactly as the build produced it, deployed under its production name. */
final class Deployments {

    private Deployments() {
    }

    static EnterpriseArchive campuslabEar() {
        File ear = new File(System.getProperty("campuslab.it.ear"));
        return ShrinkWrap.create(ZipImporter.class, "campuslab.ear").importFrom(ear).as(EnterpriseArchive.class);
    }
}
