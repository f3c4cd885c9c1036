package cn.huiyin.channel.wechat.domain;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The JDK's DOM parser set up for hostile input (the OWASP XXE recipe): any DOCTYPE is a fatal error,
 * so no entity of any kind (external, or a billion laughs) can be declared, and nothing is fetched.
 */
final class HardenedXmlParser {

    // WeChat's XML is at most three levels deep (xml → ScanCodeInfo → ScanType); refuse far deeper trees
    private static final String MAX_DEPTH = "16";

    private HardenedXmlParser() {}

    /** Throws SAXException for anything malformed or forbidden; never prints to stderr. */
    static Document parse(String xml) throws SAXException, IOException {
        DocumentBuilder builder = newBuilder();
        builder.setErrorHandler(SilentErrors.INSTANCE);
        builder.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("external entities are not resolved"); // unreachable while DTDs are off
        });
        try {
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (RuntimeException e) {
            // a parser bug on hostile input is still just a rejected body, not a 500
            throw new SAXException("the parser failed on this input", e);
        }
    }

    private static DocumentBuilder newBuilder() {
        // newDefaultInstance: the JDK's own parser even if another is on the class path, so the feature
        // names below are known. A factory is not thread-safe, and one per call costs microseconds.
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", MAX_DEPTH);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            factory.setValidating(false);
            factory.setCoalescing(true); // CDATA sections become plain text, merged with their neighbours
            factory.setIgnoringComments(true);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            // loud, not "every message rejected": an unsafe parser must never be used quietly
            throw new IllegalStateException("the JDK XML parser refused a hardening setting", e);
        }
    }

    /** The default handler prints "[Fatal Error]" lines to stderr for every rejected payload. */
    private enum SilentErrors implements ErrorHandler {
        INSTANCE;

        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
