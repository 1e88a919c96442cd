import "./styles.css";
import { App } from "./app.js";

/** The viewer app's entry: everything else starts from App. */
new App();
